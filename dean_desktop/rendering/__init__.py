"""Turning the services' printable HTML into pages (PDF, printer) with QtGui; never imported by services."""
