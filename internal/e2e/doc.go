// Package e2e holds the end-to-end tests: the shipped dossier built, served on 127.0.0.1
// under a sub-path and opened from file://, and read in Debian's Chromium.
package e2e
