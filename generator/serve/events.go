package serve

// An Event is something the server did, told to Options.Notify as it
// happens: for a program (or a test) that waits until serve has seen a
// folder, finished a rebuild or let a tab in, instead of guessing how long
// that takes.
type Event struct {
	Kind EventKind

	// Dir is the folder now watched, absolute (Watching).
	Dir string

	// Changed are the files whose change started the build, relative to
	// the site folder, as Rebuild was given them (the watch gives them
	// sorted); none when everything was read again (Rebuilt).
	Changed []string
	// Pages are the URL paths the open tabs were told to reload, "*" for
	// all; none when nothing they show changed (Rebuilt).
	Pages []string
	// Err is what the build failed with, nil when it built (Rebuilt).
	Err error

	// Tabs is how many tabs listen for reloads now (TabsChanged).
	Tabs int
}

// EventKind says what an Event is about.
type EventKind int

const (
	// Watching: the watch added a folder; files saved in it from now on
	// start rebuilds.
	Watching EventKind = iota + 1
	// Rebuilt: a build ended and the tabs were told what changed.
	Rebuilt
	// TabsChanged: a tab's event stream connected or went away.
	TabsChanged
)

func (k EventKind) String() string {
	switch k {
	case Watching:
		return "watching"
	case Rebuilt:
		return "rebuilt"
	case TabsChanged:
		return "tabs changed"
	}
	return "unknown"
}

// notify tells Options.Notify about e, if it is set.
func (s *Server) notify(e Event) {
	if s.opts.Notify != nil {
		s.opts.Notify(e)
	}
}
