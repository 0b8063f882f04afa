package lex

// New returns a Lexer that reads src: the tests' way to make one.
func New(src string) *Lexer {
	l := new(Lexer)
	l.Init(src)
	return l
}

// Next returns the next line, or false at the end of the input: NextText
// with the rest of the line, the tests' way to read lines whole.
func (l *Lexer) Next() (Line, bool) {
	text, ok := l.NextText()
	if !ok {
		return Line{}, false
	}
	return l.Line(text), true
}
