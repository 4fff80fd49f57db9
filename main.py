from dean_desktop.app import main

raise SystemExit(main())
