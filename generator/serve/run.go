package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// timeouts of the HTTP server, so that a connection that sends or reads
// nothing does not stay open: a request's header must arrive within
// header, a response or one event of a stream be taken within write, and
// a keep-alive connection is closed when idle for idle.
type timeouts struct{ header, write, idle time.Duration }

var defaultTimeouts = timeouts{header: 10 * time.Second, write: 30 * time.Second, idle: 30 * time.Second}

// Run builds the site, serves it on ln and watches the site folder until
// ctx ends (Ctrl-C), then closes the open tabs' event streams and stops.
// ready, if not nil, is called once the watch is in place.
func (s *Server) Run(ctx context.Context, ln net.Listener, ready func()) error {
	s.Rebuild()
	srv := &http.Server{
		Handler:           newHosts(ln.Addr(), interfaceAddrs()).guard(http.HandlerFunc(s.serveSite)),
		ReadHeaderTimeout: s.timeouts.header,
		WriteTimeout:      s.timeouts.write, // the event stream sets its own, per event
		IdleTimeout:       s.timeouts.idle,
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watching := make(chan struct{})
	watchErr := make(chan error, 1)
	go func() { watchErr <- s.watch(ctx, watching) }()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case <-watching:
		if ready != nil {
			ready()
		}
	case err := <-watchErr:
		srv.Close()
		return fmt.Errorf("watching %s: %w", s.opts.Source, err)
	}
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		return err
	}
	s.hub.close()
	shutdown, stop := context.WithTimeout(context.Background(), 2*time.Second)
	defer stop()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, format, args...)
}
