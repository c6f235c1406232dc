package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// hosts are the Host header values serve answers: the address it listens
// on, localhost, 127.0.0.1 and [::1], each with the port it listens on.
// Any other name is refused because it is what a DNS rebinding attack
// controls: a web site whose name the attacker points at 127.0.0.1 would
// otherwise read the preview from the visitor's browser. An IP address
// cannot be rebound, so every address of the machine is safe to answer
// when serve listens on all of them.
type hosts struct {
	port  string
	addrs map[netip.Addr]bool // besides localhost
	list  []string            // every accepted value, as messages show them
}

// Hosts lists the Host header values a server listening on addr answers,
// with the port: addr itself, localhost, 127.0.0.1 and [::1], and, when
// addr is 0.0.0.0 or ::, every address of the machine's interfaces.
func Hosts(addr net.Addr) []string { return newHosts(addr, interfaceAddrs()).list }

func interfaceAddrs() []netip.Addr {
	nets, _ := net.InterfaceAddrs() // without them, only the loopback names are answered
	var ips []netip.Addr
	for _, n := range nets {
		if n, ok := n.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok {
				ips = append(ips, ip)
			}
		}
	}
	return ips
}

// newHosts is the set for addr; ifaces are the machine's addresses, used
// only when addr is unspecified.
func newHosts(addr net.Addr, ifaces []netip.Addr) hosts {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil { // not an IP listener: nothing is answered
		return hosts{}
	}
	h := hosts{port: fmt.Sprint(ap.Port()), addrs: map[netip.Addr]bool{}}
	bind := ap.Addr().Unmap()
	if !bind.IsUnspecified() {
		h.add(bind)
	}
	h.list = append(h.list, net.JoinHostPort("localhost", h.port))
	h.add(netip.MustParseAddr("127.0.0.1"))
	h.add(netip.IPv6Loopback())
	if bind.IsUnspecified() {
		h.add(netip.IPv4Unspecified())
		h.add(netip.IPv6Unspecified())
		for _, ip := range ifaces {
			h.add(ip)
		}
	}
	return h
}

func (h *hosts) add(ip netip.Addr) {
	ip = ip.Unmap()
	if !h.addrs[ip] {
		h.addrs[ip] = true
		h.list = append(h.list, net.JoinHostPort(ip.String(), h.port))
	}
}

// allows reports whether a request's Host names this server. A browser
// leaves out port 80, so a Host without a port means 80.
func (h hosts) allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if port != h.port || name == "" {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(name)
	return err == nil && h.addrs[ip.Unmap()]
}

// guard answers a request for another host with 403 and says why, and
// marks every response, its own included, as not to be sniffed: a built
// file is served only as the type its name says.
func (h hosts) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if !h.allows(r.Host) {
			http.Error(w, h.refusal(r.Host), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h hosts) refusal(host string) string {
	open := "localhost"
	if len(h.list) > 0 {
		open = h.list[0]
	}
	return fmt.Sprintf("policygen serve answers only requests for %s, not for host %q\n"+
		"hint: open http://%s/; other host names are refused so that no web site can reach this preview "+
		"through a name of its own (DNS rebinding)",
		orList(h.list), host, open)
}

// orList joins "a", "b" and "c" as "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
