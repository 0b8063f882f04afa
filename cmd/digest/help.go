package main

import (
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
	switch len(args) {
	case 0:
		printUsage(c.stdout)
		return exitOK
	case 1:
		v, ok := verbs[args[0]]
		if !ok {
			return c.failf("help: unknown verb %q (run 'digest help' for the list)", args[0])
		}
		fs, _ := v.flagSet()
		v.printUsage(c.stdout, fs)
		return exitOK
	}
	return c.usageError("help", "too many arguments")
}
