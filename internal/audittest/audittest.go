// Package audittest serves, on loopback, a small site for the tests of
// policygen audit: pages on 127.0.0.1 that set cookies by header and by
// script and write local and session storage, and a second server on
// 127.0.0.2, a third party, whose script and pixel set its own cookies.
// Only tests import it.
package audittest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Servers are the two servers of a test site.
type Servers struct {
	Site, Third string // base URLs without a trailing slash: "http://127.0.0.1:PORT"
}

// gif is a 1×1 transparent GIF.
var gif = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// Start serves the tracking site, or with clean the clean one, until the
// test ends. The tracking site on /:
//   - sets sid (session) and prefs (Max-Age one year) by header;
//   - sets _ga (two years) by an inline script;
//   - writes cart to local storage and tab_state to session storage;
//   - loads t.js from the third party, which sets _fbp (90 days), and the
//     pixel p.gif, whose response sets tp_uid (90 days) on 127.0.0.2;
//   - links to /about, which links to /contact, which sets csrf by header.
//
// The clean site sets sid and cart and loads only a stylesheet from the
// third party, which sets nothing.
func Start(t testing.TB, clean bool) Servers {
	t.Helper()
	third := listen(t, "127.0.0.2", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/t.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, `document.cookie = "_fbp=fb.1.1700000000.123; max-age=7776000; path=/";`)
		case "/p.gif":
			http.SetCookie(w, &http.Cookie{Name: "tp_uid", Value: "u1", MaxAge: 7776000, Path: "/", SameSite: http.SameSiteNoneMode, Secure: true})
			w.Header().Set("Content-Type", "image/gif")
			w.Write(gif)
		case "/style.css":
			w.Header().Set("Content-Type", "text/css")
			fmt.Fprint(w, "body { font-family: sans-serif }")
		default:
			http.NotFound(w, r)
		}
	}))
	page := func(w http.ResponseWriter, title, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>%s</head><body>%s</body></html>",
			title, `<link rel="stylesheet" href="`+third+`/style.css">`, body)
	}
	site := listen(t, "127.0.0.1", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s1", Path: "/", HttpOnly: true})
		switch {
		case r.URL.Path == "/" && clean:
			page(w, "Clean", `<h1>Clean</h1><script>localStorage.setItem("cart", "[]")</script><a href="/about">About</a>`)
		case r.URL.Path == "/":
			http.SetCookie(w, &http.Cookie{Name: "prefs", Value: "de", Path: "/", MaxAge: 31536000})
			page(w, "Shop", `<h1>Shop</h1>
<script>document.cookie = "_ga=GA1.1.42.1700000000; max-age=63072000; path=/";
localStorage.setItem("cart", "[]"); sessionStorage.setItem("tab_state", "1");</script>
<script src="`+third+`/t.js"></script>
<img src="`+third+`/p.gif" alt="">
<a href="/about">About</a> <a href="/about#team">Team</a> <a href="`+third+`/elsewhere">Elsewhere</a>`)
		case r.URL.Path == "/about":
			page(w, "About", `<h1>About</h1><a href="/contact">Contact</a> <a href="/">Home</a>`)
		case r.URL.Path == "/contact" && !clean:
			http.SetCookie(w, &http.Cookie{Name: "csrf", Value: "c1", Path: "/contact", HttpOnly: true})
			page(w, "Contact", `<h1>Contact</h1>`)
		case r.URL.Path == "/contact":
			page(w, "Contact", `<h1>Contact</h1>`)
		default:
			http.NotFound(w, r)
		}
	}))
	return Servers{Site: site, Third: third}
}

// listen serves h on ip at a free port until the test ends.
func listen(t testing.TB, ip string, h http.Handler) string {
	t.Helper()
	l, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Fatalf("listening on %s (loopback; Linux routes all of 127.0.0.0/8): %v", ip, err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return strings.TrimSuffix(srv.URL, "/")
}
