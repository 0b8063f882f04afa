//go:build !race

// Package race tells whether the program is built with the race detector,
// which changes what some tests can count: it makes sync.Pool drop what
// it is given.
package race

// Enabled is true when the program is built with -race.
const Enabled = false
