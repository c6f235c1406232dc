package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Run builds the site, serves it on ln and watches the site folder until
// ctx ends (Ctrl-C), then closes the open tabs' event streams and stops.
// ready, if not nil, is called once the watch is in place.
func (s *Server) Run(ctx context.Context, ln net.Listener, ready func()) error {
	s.Rebuild()
	srv := &http.Server{
		Handler:           newHosts(ln.Addr(), interfaceAddrs()).guard(http.HandlerFunc(s.serveSite)),
		ReadHeaderTimeout: 10 * time.Second,
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
