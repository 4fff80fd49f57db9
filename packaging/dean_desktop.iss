; Đề án Desktop: the per-user Windows installer (Inno Setup 6).
;
; Built by .github/workflows/windows.yml after PyInstaller has made dist\DeanDesktop\:
;   iscc /DAppVersion=0.1.0 /DBundleDir=<repo>\dist\DeanDesktop /DOutputDir=<repo>\dist packaging\dean_desktop.iss
; → dist\DeanDesktop-0.1.0-setup.exe
;
; For the current user only, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\DeanDesktop.
; The user's data lives in %LOCALAPPDATA%\DeanDesktop (database, backups, logs): setup never writes there and the
; uninstaller removes only what setup installed, so uninstalling (or upgrading) never touches the data.
; Saved as UTF-8 with a byte order mark, which Inno Setup reads as Unicode.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\DeanDesktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{5B9E2C61-7F3A-4D8E-A0C4-2E6F1B8D9A37}
AppName=Đề án Desktop
AppVersion={#AppVersion}
AppVerName=Đề án Desktop {#AppVersion}
AppPublisher=Ban Tổ chức Huyện ủy Định Hóa
PrivilegesRequired=lowest
DefaultDirName={userpf}\DeanDesktop
DisableDirPage=yes
DefaultGroupName=Đề án Desktop
DisableProgramGroupPage=yes
UninstallDisplayName=Đề án Desktop
UninstallDisplayIcon={app}\DeanDesktop.exe
SetupIconFile=..\resources\icons\dean_desktop.ico
OutputDir={#OutputDir}
OutputBaseFilename=DeanDesktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Qt 6 needs 64-bit Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running DeanDesktop.exe is closed (the user is asked) before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "vietnamese"; MessagesFile: "compiler:Default.isl"

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
ButtonBack=< &Quay lại
ButtonNext=&Tiếp theo >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Hủy
ButtonYes=&Có
ButtonNo=&Không
ButtonFinish=&Hoàn tất
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài đặt xong. Nếu thoát bây giờ, phần mềm sẽ không được cài.%n%nCó thể chạy lại tệp cài đặt vào lúc khác.%n%nThoát cài đặt?
WizardSelectTasks=Chọn thêm
SelectTasksDesc=Có làm thêm việc gì không?
SelectTasksLabel2=Chọn những việc cần làm thêm khi cài [name], rồi bấm Tiếp theo.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Đã sẵn sàng cài [name] vào máy tính này.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem lại lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
ReadyMemoDir=Thư mục cài đặt:
ReadyMemoTasks=Việc làm thêm:
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Đang chuẩn bị cài [name] vào máy tính này.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
CloseApplications=&Tự động đóng các chương trình
DontCloseApplications=&Không đóng các chương trình
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi [name] được cài vào máy tính này.
FinishedHeadingLabel=Đã cài xong [name]
FinishedLabelNoIcons=[name] đã được cài vào máy tính này.
FinishedLabel=[name] đã được cài vào máy tính này. Mở phần mềm bằng biểu tượng trong menu Start hoặc trên màn hình nền.
ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
SetupAppRunningError=Đề án Desktop đang mở.%n%nHãy đóng phần mềm rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
UninstallAppRunningError=Đề án Desktop đang mở.%n%nHãy đóng phần mềm rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
ConfirmUninstall=Gỡ %1 khỏi máy tính này?%n%nDữ liệu (cơ sở dữ liệu, bản sao lưu, nhật ký) trong thư mục AppData\Local\DeanDesktop được giữ nguyên.
UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy tính này.
UninstalledAll=Đã gỡ %1. Dữ liệu trong thư mục AppData\Local\DeanDesktop vẫn được giữ nguyên.
WizardUninstalling=Đang gỡ cài đặt
StatusUninstalling=Đang gỡ %1...

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên &màn hình nền"; GroupDescription: "Biểu tượng:"

[InstallDelete]
; An upgrade replaces the whole bundle: no file of the old version stays beside the new one. Only inside {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Đề án Desktop"; Filename: "{app}\DeanDesktop.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\Đề án Desktop"; Filename: "{app}\DeanDesktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\DeanDesktop.exe"; Description: "Mở Đề án Desktop ngay"; Flags: nowait postinstall skipifsilent
