package main

import (
	"bytes"
	"flag"
)

func init() { register(helpVerb) }

var helpVerb = &verb{
	name:    "help",
	args:    "[VERB]",
	summary: "print the usage of digest or of a verb",
	doc: `Help prints the usage of digest, or of VERB with its flags.
`,
	define: func(*flag.FlagSet) func(*cli, []string) int {
		return (*cli).help
	},
}

// help prints the usage of digest, or of the verb that args name, to
// stdout.
func (c *cli) help(args []string) int {
	var b bytes.Buffer
	switch len(args) {
	case 0:
		printUsage(&b)
	case 1:
		v, ok := verbs[args[0]]
		if !ok {
			return c.failf("help: unknown verb %q (run 'digest help' for the list)", args[0])
		}
		fs, _ := v.flagSet()
		v.printUsage(&b, fs)
	default:
		return c.usageError("help", "too many arguments")
	}
	if !c.write(b.Bytes()) {
		return exitFailure
	}
	return exitOK
}
