package serve

import "sync"

// hub owns the set of browser tabs listening for reloads. A tab that does
// not keep up (its queue is full) or has gone is dropped; its browser
// reconnects by itself if it is still there.
type hub struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
	closed  bool
}

// queueLen is how many messages a tab may fall behind before it is dropped.
const queueLen = 8

func newHub() *hub { return &hub{clients: map[chan string]struct{}{}} }

// join adds a tab and returns its queue, which is closed when the tab is
// dropped or the hub closes; ok is false once the hub is closed.
func (h *hub) join() (ch chan string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch = make(chan string, queueLen)
	h.clients[ch] = struct{}{}
	return ch, true
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
