package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Paths of the server's own files, outside any built page's folder.
const (
	eventsPath = "/_policygen/events"
	scriptPath = "/_policygen/reload.js"
)

//go:embed reload.js
var reloadJS []byte

// serveSite serves the built site from memory, the reload script and the
// event stream: GET and HEAD only, nothing outside the built pages. Run
// puts it behind the host guard.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "policygen serve only answers GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	}
	s.page(w, r, name)
}

// fileName maps a URL path to a file of the built site: "/en/privacy/" to
// "en/privacy/index.html". It refuses any path with a "." or ".." segment,
// a backslash or a NUL, however it was encoded (the path is decoded).
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	name := p[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, true
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.RLock()
	data, found := s.out[name]
	_, isDir := s.out[name+"/index.html"]
	errs, gen := s.errs, s.genID()
	s.mu.RUnlock()
	if !found && name == "style.css" { // the first build failed
		data, found = s.defaultCSS()
	}
	html := path.Ext(name) == ".html"
	switch {
	case errs != nil && (html || !found):
		s.write(w, r, http.StatusInternalServerError, errorPage(errs), gen)
	case !found && isDir:
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
	case !found:
		s.write(w, r, http.StatusNotFound, notFoundPage(r.URL.Path), gen)
	default:
		w.Header().Set("Content-Type", contentType(name))
		if !html {
			gen = ""
		}
		s.write(w, r, http.StatusOK, data, gen)
	}
}

// write sends a response. An HTML page (gen is not empty) gets the reload
// script, which knows the build generation the page is from.
func (s *Server) write(w http.ResponseWriter, r *http.Request, code int, data []byte, gen string) {
	if gen != "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = injectScript(data, gen)
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// injectScript puts the reload script before </body>, or at the end.
func injectScript(page []byte, gen string) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	tag := `<script src="` + scriptPath + `" data-generation="` + gen + `"></script>` + "\n"
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".xml":
		return "application/atom+xml; charset=utf-8"
	case ".json":
		return "application/json"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// events streams server-sent events to one tab: "hello" with the build
// generation when it connects, then a "change" listing the URL paths of
// every rebuild's changed pages ("*" for all). A tab over the hub's limit
// gets 503 and the reason.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	ch, err := s.hub.join()
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(ch)
	s.mu.RLock()
	gen := s.genID()
	s.mu.RUnlock()
	w.Header().Set("Content-Type", "text/event-stream")
	send := s.eventSender(w)
	if send("retry: 500\nevent: hello\ndata: %s\n\n", gen) != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-ch:
			if !ok || send("event: change\ndata: %s\n\n", strings.ReplaceAll(msg, "\n", "\ndata: ")) != nil {
				return
			}
		}
	}
}

// eventSender returns a function that writes an event and flushes it. The
// stream outlives the server's WriteTimeout, so each event gets a write
// deadline of its own: a tab that stops reading loses its place instead of
// keeping it.
func (s *Server) eventSender(w http.ResponseWriter) func(format string, args ...any) error {
	rc := http.NewResponseController(w)
	return func(format string, args ...any) error {
		rc.SetWriteDeadline(time.Now().Add(s.timeouts.write)) // fails only without a connection (tests)
		fmt.Fprintf(w, format, args...)
		return rc.Flush()
	}
}

// defaultCSS is the embedded theme's style sheet, for the error page when
// no build has succeeded yet.
func (s *Server) defaultCSS() ([]byte, bool) {
	data, err := fs.ReadFile(s.opts.Defaults, "themes/default/style.css")
	return data, err == nil
}

// genID names the build the tabs see, unique across sessions; s.mu must
// be held.
func (s *Server) genID() string { return fmt.Sprintf("%d-%d", s.session, s.generation) }
