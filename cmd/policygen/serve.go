package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/serve"
)

const serveHelp = `Usage: policygen serve [flags]

Builds the site into memory and serves it for preview, with every
unreleased change shown as a draft (and, once versions exist, its diff
against the newest one at LANG/SLUG/changes/draft/). It watches site.toml,
clauses/, locales/, themes/ and history/, rebuilds on every save and
reloads the open tabs whose page changed. When the site has errors, every
page shows them until the next good save. Nothing is written to disk.
Stop it with Ctrl-C.

It answers only requests for its own address, localhost, 127.0.0.1 or
[::1] with its port; any other host name gets 403, so that no web site can
reach the preview through a name it points at this machine. With --bind
0.0.0.0 or ::, every address of the machine is answered too. It keeps at
most 100 live-reload streams (open tabs) and closes a connection idle for
30 seconds.

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
      --bind ADDR     interface to listen on (default 127.0.0.1)
      --port N        port to listen on; 0 picks a free one (default 1313)
      --date DATE     build as of this date, YYYY-MM-DD (default: today)
      --timeout D     time each clause and layout may take to render (default 10s)
`

func runServe(e *env, args []string) int {
	var source, bind string
	var port int
	var date time.Time
	var timeout time.Duration
	fs := flagSet(e, "serve", serveHelp)
	fs.StringVar(&source, "s", ".", "site folder")
	fs.StringVar(&source, "source", ".", "site folder")
	fs.StringVar(&bind, "bind", "127.0.0.1", "interface")
	fs.IntVar(&port, "port", 1313, "port")
	fs.Var(dateFlag{&date}, "date", "build as of this date")
	fs.Var(timeoutFlag{&timeout}, "timeout", "time each clause and layout may take to render")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "policygen serve: unexpected argument %q\nRun 'policygen help serve' for usage.\n", fs.Arg(0))
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen serve: %v\nhint: another program uses the port; pick another with --port, or --port 0 for any free one\n", err)
		return exitUsage
	}
	asOf := func() time.Time {
		if !date.IsZero() {
			return date
		}
		return today(time.Now())
	}
	s := serve.New(serve.Options{Source: source, Defaults: policygen.Defaults, Date: asOf, Log: e.stderr,
		Limits: guard.Limits{Timeout: timeout}})
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	url := "http://" + ln.Addr().String() + "/"
	err = s.Run(ctx, ln, func() {
		fmt.Fprintf(e.stdout, "Serving %s at %s (Ctrl-C to stop)\n%s", source, url, hostsNote(ln.Addr()))
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen serve: %v\n", err)
		return exitSite
	}
	fmt.Fprintln(e.stdout, "Stopped.")
	return exitOK
}

// hostsNote says which Host values serve answers when it listens on an
// address other than loopback, where a user may try a name of the machine.
func hostsNote(addr net.Addr) string {
	if ip, ok := addr.(*net.TCPAddr); !ok || ip.IP.IsLoopback() {
		return ""
	}
	return "It answers only requests for " + strings.Join(serve.Hosts(addr), ", ") +
		": open it by one of these, not by another host name\n"
}
