//go:build !race

package lex

// raceEnabled tells whether the tests run with the race detector.
const raceEnabled = false
