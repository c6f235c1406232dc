package main

import (
	"net"
	"testing"
)

func TestServeOnAnotherAddressSaysWhichHostsItAnswers(t *testing.T) {
	for _, loopback := range []net.Addr{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, &net.TCPAddr{IP: net.IPv6loopback, Port: 1313}} {
		if note := hostsNote(loopback); note != "" {
			t.Errorf("on %s: %q, want nothing", loopback, note)
		}
	}
	want := "It answers only requests for 192.0.2.7:8080, localhost:8080, 127.0.0.1:8080, [::1]:8080: open it by one of these, not by another host name\n"
	if note := hostsNote(&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 8080}); note != want {
		t.Errorf("on 192.0.2.7:8080:\n%q\nwant\n%q", note, want)
	}
}
