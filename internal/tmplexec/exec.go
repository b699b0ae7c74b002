// Package tmplexec executes html/template templates faster than html/template does,
// with the same output.
//
// html/template decides how to escape each action once, when a template is first
// executed, and records the decision in the parse tree as a chain of escaper functions
// (`{{.Title | _html_template_attrescaper}}`). Executing the tree is then text/template's
// work, which looks up every field by name and calls every escaper through reflection:
// in a large build that is most of the time spent in templates. Compile turns the escaped
// tree into closures instead: a field is found by its index, cached per node, and the
// escapers are plain Go calls.
//
// The compiled program covers the part of the template language that page templates
// use: text, actions, if, range over slices and arrays, with, template calls, variables,
// field and method chains, string, number and bool literals, the built-ins and, or, not,
// eq and ne, functions of the template's function map, and the escapers of HTML text,
// attributes, RCDATA and URLs. Compile reports ErrUnsupported for a template that uses
// anything else. Execute reports ErrUnsupported when it meets a value it does not
// handle the way text/template would (a nil pointer, a map, a comparison of mixed
// kinds, an escaper given typed content other than HTML or URL); the caller then runs
// html/template, which gives the output or the error it always gave.
package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// ErrUnsupported means that a template, or a value met while executing it, is outside
// what this package handles: run html/template instead.
var ErrUnsupported = errors.New("tmplexec: unsupported; use html/template")

// Program is a compiled template. It is safe for concurrent use.
type Program struct {
	run func(s *state, dot reflect.Value)
}

// Compile escapes the template named name of set (as executing it would) and compiles
// it and every template it calls. funcs must be the function map the set was parsed
// with.
func Compile(set *template.Template, name string, funcs template.FuncMap) (*Program, error) {
	t := set.Lookup(name)
	if t == nil {
		return nil, fmt.Errorf("tmplexec: no template %q", name)
	}
	// Escaping happens at the first execution; with no data it stops at the first field
	// or earlier. An error of html/template's own, such as an ambiguous context, is the
	// template's error; an error executing it is expected.
	var escErr *template.Error
	if err := set.ExecuteTemplate(io.Discard, name, nil); errors.As(err, &escErr) {
		return nil, err
	}
	c := &compiler{set: set, funcs: funcs, progs: map[string]*Program{}}
	return c.program(name)
}

// Execute applies the program to data and writes the output to w. On ErrUnsupported
// part of the output may have been written. A panic while executing, in a method of the
// data or in reflection on a value this package did not foresee, is ErrUnsupported too:
// html/template, run instead, reports it as it would.
func (p *Program) Execute(w io.StringWriter, data any) (err error) {
	s := &state{w: w}
	defer func() {
		if r := recover(); r != nil {
			err = ErrUnsupported
		}
	}()
	dot := reflect.ValueOf(data)
	s.vars = append(s.vars[:0], variable{"$", dot})
	p.run(s, dot)
	return nil
}

// errUnsupported is what a closure panics with when execution must stop; Execute turns
// it into ErrUnsupported.
var errUnsupported = &struct{ error }{ErrUnsupported}

func unsupported() { panic(errUnsupported) }

type variable struct {
	name  string
	value reflect.Value
}

// state is one execution.
type state struct {
	w    io.StringWriter
	vars []variable
}

func (s *state) lookup(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	unsupported()
	return reflect.Value{}
}

func (s *state) set(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	unsupported()
}

type compiler struct {
	set   *template.Template
	funcs template.FuncMap
	progs map[string]*Program
}

// node is a compiled node: it writes its output.
type node func(s *state, dot reflect.Value)

// value is a compiled expression. final is the previous command's value in a pipeline,
// invalid when there is none.
type value func(s *state, dot, final reflect.Value) reflect.Value

func (c *compiler) program(name string) (*Program, error) {
	if p, ok := c.progs[name]; ok {
		return p, nil // done, or being compiled by a caller up the stack (recursion)
	}
	t := c.set.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return nil, ErrUnsupported
	}
	p := &Program{}
	c.progs[name] = p
	run, err := c.list(t.Tree.Root)
	if err != nil {
		return nil, err
	}
	p.run = run
	return p, nil
}

func (c *compiler) list(l *parse.ListNode) (node, error) {
	if l == nil {
		return func(*state, reflect.Value) {}, nil
	}
	nodes := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn != nil {
			nodes = append(nodes, cn)
		}
	}
	return func(s *state, dot reflect.Value) {
		for _, n := range nodes {
			n(s, dot)
		}
	}, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := string(n.Text)
		return func(s *state, _ reflect.Value) { s.w.WriteString(text) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	case *parse.ListNode:
		return c.list(n)
	}
	return nil, ErrUnsupported
}

// action compiles {{pipeline}}. html/template ends every action that prints with its
// escapers, so the printed value is always a string.
func (c *compiler) action(n *parse.ActionNode) (node, error) {
	if len(n.Pipe.Decl) > 0 {
		pipe, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) { pipe(s, dot) }, nil
	}
	cmds := n.Pipe.Cmds
	var escs []escaper
	for len(cmds) > 1 {
		e, ok := escaperOf(cmds[len(cmds)-1])
		if !ok {
			break
		}
		escs = append([]escaper{e}, escs...)
		cmds = cmds[:len(cmds)-1]
	}
	if len(escs) == 0 {
		return nil, ErrUnsupported // an action html/template did not escape
	}
	operand, err := c.commands(cmds)
	if err != nil {
		return nil, err
	}
	first, rest := escs[0], escs[1:]
	return func(s *state, dot reflect.Value) {
		str, ct := stringify(operand(s, dot))
		str = first(str, ct)
		for _, e := range rest {
			str = e(str, contentPlain)
		}
		s.w.WriteString(str)
	}, nil
}

// pipeline compiles a pipeline with its declarations: the value it returns has been
// pushed or assigned to the pipeline's variables.
func (c *compiler) pipeline(p *parse.PipeNode) (func(s *state, dot reflect.Value) reflect.Value, error) {
	cmds, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, v := range p.Decl {
		names = append(names, v.Ident[0])
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		v := cmds(s, dot)
		for _, name := range names {
			if assign {
				s.set(name, v)
			} else {
				s.vars = append(s.vars, variable{name, v})
			}
		}
		return v
	}, nil
}

// commands compiles the commands of a pipeline, each given the previous one's value.
func (c *compiler) commands(cmds []*parse.CommandNode) (func(s *state, dot reflect.Value) reflect.Value, error) {
	if len(cmds) == 0 {
		return nil, ErrUnsupported
	}
	vals := make([]value, len(cmds))
	for i, cmd := range cmds {
		v, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, cmd := range vals {
			v = cmd(s, dot, v)
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
		}
		return v
	}, nil
}

func (c *compiler) command(cmd *parse.CommandNode) (value, error) {
	switch first := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.chain(func(_ *state, dot reflect.Value) reflect.Value { return dot }, first.Ident, cmd.Args[1:])
	case *parse.VariableNode:
		name := first.Ident[0]
		return c.chain(func(s *state, _ reflect.Value) reflect.Value { return s.lookup(name) }, first.Ident[1:], cmd.Args[1:])
	case *parse.IdentifierNode:
		return c.function(first.Ident, cmd.Args[1:])
	}
	if len(cmd.Args) > 1 {
		return nil, ErrUnsupported
	}
	arg, err := c.arg(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if final.IsValid() {
			unsupported() // a literal given an argument: text/template's error
		}
		return arg(s, dot)
	}, nil
}

// arg compiles an argument of a function or a command's operand.
func (c *compiler) arg(n parse.Node) (func(s *state, dot reflect.Value) reflect.Value, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }, nil
	case *parse.StringNode:
		v := reflect.ValueOf(n.Text)
		return func(*state, reflect.Value) reflect.Value { return v }, nil
	case *parse.BoolNode:
		v := reflect.ValueOf(n.True)
		return func(*state, reflect.Value) reflect.Value { return v }, nil
	case *parse.NumberNode:
		if !n.IsInt {
			return nil, ErrUnsupported
		}
		v := reflect.ValueOf(int(n.Int64))
		return func(*state, reflect.Value) reflect.Value { return v }, nil
	case *parse.FieldNode:
		f, err := c.chain(func(_ *state, dot reflect.Value) reflect.Value { return dot }, n.Ident, nil)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, reflect.Value{}) }, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		f, err := c.chain(func(s *state, _ reflect.Value) reflect.Value { return s.lookup(name) }, n.Ident[1:], nil)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, reflect.Value{}) }, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return nil, ErrUnsupported
		}
		return c.commands(n.Cmds)
	}
	return nil, ErrUnsupported
}

// chain compiles a field chain .A.B.C on the value of start. A method may end the chain;
// it is called with no arguments.
func (c *compiler) chain(start func(s *state, dot reflect.Value) reflect.Value, idents []string, args []parse.Node) (value, error) {
	if len(args) > 0 {
		return nil, ErrUnsupported // a method or function field called with arguments
	}
	fields := make([]*field, len(idents))
	for i, name := range idents {
		fields[i] = &field{name: name}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if final.IsValid() {
			unsupported() // the previous command's value as an argument: not a function
		}
		v := start(s, dot)
		for _, f := range fields {
			v = f.eval(v)
		}
		return v
	}, nil
}

// field is one step of a field chain, with the way to take it from the last type it
// met: most nodes see one type only.
type field struct {
	name  string
	cache atomic.Pointer[fieldCache]
}

type fieldCache struct {
	typ     reflect.Type // of the receiver after indirection
	addr    bool         // whether the receiver was addressable
	index   []int        // the struct field, or nil for a method
	method  int          // the method's index in the method set of typ (or *typ if ptr)
	ptrRecv bool         // the method is called on the receiver's address
}

func (f *field) eval(v reflect.Value) reflect.Value {
	v = indirect(v)
	if !v.IsValid() {
		unsupported() // nil data or a nil pointer: text/template's error
	}
	c := f.cache.Load()
	if c == nil || c.typ != v.Type() || c.addr != v.CanAddr() {
		c = f.resolve(v)
		f.cache.Store(c)
	}
	if c.index != nil {
		if len(c.index) == 1 {
			return v.Field(c.index[0])
		}
		f, err := v.FieldByIndexErr(c.index)
		if err != nil {
			unsupported() // through a nil embedded pointer
		}
		return f
	}
	recv := v
	if c.ptrRecv {
		recv = v.Addr()
	}
	out := recv.Method(c.method).Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		unsupported() // the method's error: let text/template report it
	}
	return out[0]
}

// resolve finds a field or method as text/template does: a method of the receiver or
// of its address when addressable, else an exported struct field.
func (f *field) resolve(v reflect.Value) *fieldCache {
	c := &fieldCache{typ: v.Type(), addr: v.CanAddr()}
	if v.Kind() != reflect.Interface {
		if v.CanAddr() {
			if m, ok := reflect.PointerTo(v.Type()).MethodByName(f.name); ok {
				c.method, c.ptrRecv = m.Index, true
				return checkMethod(c, m.Type, 1)
			}
		} else if m, ok := v.Type().MethodByName(f.name); ok {
			c.method = m.Index
			return checkMethod(c, m.Type, 1)
		}
	}
	if v.Kind() != reflect.Struct {
		unsupported()
	}
	sf, ok := v.Type().FieldByName(f.name)
	if !ok || !sf.IsExported() {
		unsupported()
	}
	if _, err := v.FieldByIndexErr(sf.Index); err != nil {
		unsupported() // through a nil embedded pointer
	}
	c.index = sf.Index
	return c
}

var errorType = reflect.TypeFor[error]()

// checkMethod accepts a method with no arguments (but its receiver, counted in in) that
// returns a value, or a value and an error.
func checkMethod(c *fieldCache, t reflect.Type, in int) *fieldCache {
	if t.NumIn() != in || t.IsVariadic() {
		unsupported()
	}
	if t.NumOut() != 1 && (t.NumOut() != 2 || t.Out(1) != errorType) {
		unsupported()
	}
	return c
}

// function compiles a call of a built-in or of the function map.
func (c *compiler) function(name string, argNodes []parse.Node) (value, error) {
	args := make([]func(s *state, dot reflect.Value) reflect.Value, len(argNodes))
	for i, n := range argNodes {
		a, err := c.arg(n)
		if err != nil {
			return nil, err
		}
		args[i] = a
	}
	// withFinal is the arguments' values, and the previous command's last.
	withFinal := func(s *state, dot, final reflect.Value) []reflect.Value {
		vals := make([]reflect.Value, 0, len(args)+1)
		for _, a := range args {
			vals = append(vals, a(s, dot))
		}
		if final.IsValid() {
			vals = append(vals, final)
		}
		return vals
	}
	switch name {
	case "and", "or":
		want := name == "or" // the truth that ends the evaluation
		return func(s *state, dot, final reflect.Value) reflect.Value {
			if final.IsValid() {
				unsupported()
			}
			var v reflect.Value
			for _, a := range args {
				if v = a(s, dot); truth(v) == want {
					return v
				}
			}
			if v.IsValid() {
				return v
			}
			unsupported()
			return v
		}, nil
	case "not":
		return func(s *state, dot, final reflect.Value) reflect.Value {
			vals := withFinal(s, dot, final)
			if len(vals) != 1 {
				unsupported()
			}
			return reflect.ValueOf(!truth(vals[0]))
		}, nil
	case "eq", "ne":
		negate := name == "ne"
		return func(s *state, dot, final reflect.Value) reflect.Value {
			vals := withFinal(s, dot, final)
			if len(vals) < 2 || (negate && len(vals) != 2) {
				unsupported()
			}
			eq := false
			for _, v := range vals[1:] {
				if equal(vals[0], v) {
					eq = true
					break
				}
			}
			return reflect.ValueOf(eq != negate)
		}, nil
	}
	fn, ok := c.funcs[name]
	if !ok {
		return nil, ErrUnsupported // another built-in, or an escaper mid-pipeline
	}
	f := reflect.ValueOf(fn)
	t := f.Type()
	if t.Kind() != reflect.Func || t.IsVariadic() || (t.NumOut() != 1 && (t.NumOut() != 2 || t.Out(1) != errorType)) {
		return nil, ErrUnsupported
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		vals := withFinal(s, dot, final)
		if len(vals) != t.NumIn() {
			unsupported()
		}
		for i, v := range vals {
			if !v.IsValid() || !v.Type().AssignableTo(t.In(i)) {
				unsupported() // text/template converts some; leave that to it
			}
		}
		out := f.Call(vals)
		if len(out) == 2 && !out[1].IsNil() {
			unsupported()
		}
		return out[0]
	}, nil
}

// equal is text/template's eq for two values of the same basic kind.
func equal(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	switch {
	case isString(a) && isString(b):
		return a.String() == b.String()
	case isInt(a) && isInt(b):
		return a.Int() == b.Int()
	case a.IsValid() && b.IsValid() && a.Kind() == reflect.Bool && b.Kind() == reflect.Bool:
		return a.Bool() == b.Bool()
	}
	unsupported()
	return false
}

func isString(v reflect.Value) bool { return v.IsValid() && v.Kind() == reflect.String }

func isInt(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

func (c *compiler) ifOrWith(pipe *parse.PipeNode, list, elseList *parse.ListNode, with bool) (node, error) {
	p, err := c.pipeline(pipe)
	if err != nil {
		return nil, err
	}
	then, err := c.list(list)
	if err != nil {
		return nil, err
	}
	els, err := c.list(elseList)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) {
		mark := len(s.vars)
		v := p(s, dot)
		if truth(v) {
			if with {
				dot = v
			}
			then(s, dot)
		} else {
			els(s, dot)
		}
		s.vars = s.vars[:mark]
	}, nil
}

func (c *compiler) rangeNode(n *parse.RangeNode) (node, error) {
	if len(n.Pipe.Decl) > 2 || n.Pipe.IsAssign {
		return nil, ErrUnsupported
	}
	cmds, err := c.commands(n.Pipe.Cmds)
	if err != nil {
		return nil, err
	}
	body, err := c.list(n.List)
	if err != nil {
		return nil, err
	}
	els, err := c.list(n.ElseList)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, v := range n.Pipe.Decl {
		names = append(names, v.Ident[0])
	}
	return func(s *state, dot reflect.Value) {
		mark := len(s.vars)
		v := indirect(cmds(s, dot))
		if !v.IsValid() || (v.Kind() != reflect.Slice && v.Kind() != reflect.Array) {
			unsupported()
		}
		// The variables: "$x := ." is the element; "$i, $x := ." the index and element.
		for _, name := range names {
			s.vars = append(s.vars, variable{name, v})
		}
		top := len(s.vars)
		if v.Len() == 0 {
			els(s, dot)
		}
		for i := range v.Len() {
			elem := v.Index(i)
			switch len(names) {
			case 1:
				s.vars[top-1].value = elem
			case 2:
				s.vars[top-2].value = reflect.ValueOf(i)
				s.vars[top-1].value = elem
			}
			body(s, elem)
			s.vars = s.vars[:top]
		}
		s.vars = s.vars[:mark]
	}, nil
}

func (c *compiler) templateNode(n *parse.TemplateNode) (node, error) {
	p, err := c.program(n.Name)
	if err != nil {
		return nil, err
	}
	var arg func(s *state, dot reflect.Value) reflect.Value
	if n.Pipe != nil {
		if arg, err = c.pipeline(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) {
		var v reflect.Value
		if arg != nil {
			mark := len(s.vars)
			v = arg(s, dot)
			s.vars = s.vars[:mark]
		}
		// The called template sees only its own "$": variables are lexical, and the
		// parser has checked that it names no other.
		mark := len(s.vars)
		s.vars = append(s.vars, variable{"$", v})
		p.run(s, v)
		s.vars = s.vars[:mark]
	}, nil
}

// truth is text/template's truth of a value in if, with, and, or and not.
func truth(v reflect.Value) bool {
	v = indirectInterface(v)
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Struct:
		return true
	}
	unsupported()
	return false
}

// indirect follows pointers and interfaces; a nil one gives the invalid value.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// indirectInterface unwraps an interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}
		}
		return v.Elem()
	}
	return v
}
