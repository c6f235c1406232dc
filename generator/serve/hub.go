package serve

import (
	"errors"
	"fmt"
	"sync"
)

// hub owns the set of browser tabs listening for reloads. A tab that does
// not keep up (its queue is full) or has gone is dropped; its browser
// reconnects by itself if it is still there. It takes at most maxTabs, so
// that a page or program opening streams in a loop cannot use up the
// process; one person's preview has a few tabs open.
type hub struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
	closed  bool
	counted func(tabs int) // told the number of tabs after each change, with mu held
}

const (
	queueLen = 8   // how many messages a tab may fall behind before it is dropped
	maxTabs  = 100 // how many tabs may listen at once
)

// errFull and errClosed say why a tab was not let in.
var (
	errFull   = fmt.Errorf("policygen serve: %d live-reload streams are open, the most it keeps; close tabs of this preview and reload", maxTabs)
	errClosed = errors.New("policygen serve is stopping")
)

// newHub returns an empty hub that calls counted, if not nil, with the
// number of tabs each time a tab joins or is dropped.
func newHub(counted func(tabs int)) *hub {
	return &hub{clients: map[chan string]struct{}{}, counted: counted}
}

// join adds a tab and returns its queue, which is closed when the tab is
// dropped or the hub closes. It fails once the hub is full or closed.
func (h *hub) join() (chan string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		return nil, errClosed
	case len(h.clients) >= maxTabs:
		return nil, errFull
	}
	ch := make(chan string, queueLen)
	h.clients[ch] = struct{}{}
	h.tell()
	return ch, nil
}

// leave removes a tab whose request ended.
func (h *hub) leave(ch chan string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(ch)
}

func (h *hub) drop(ch chan string) {
	if _, ok := h.clients[ch]; ok {
		delete(h.clients, ch)
		close(ch)
		h.tell()
	}
}

// tell calls counted with the number of tabs; h.mu must be held, so that
// the numbers arrive in the order the changes happened.
func (h *hub) tell() {
	if h.counted != nil {
		h.counted(len(h.clients))
	}
}

// broadcast queues msg for every tab without waiting for any.
func (h *hub) broadcast(msg string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- msg:
		default:
			h.drop(ch)
		}
	}
}

// count returns the number of tabs listening.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close drops every tab and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.clients {
		h.drop(ch)
	}
}
