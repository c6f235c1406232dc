// Package publish writes a built site to its output folder: a new folder
// beside the old one, filled by concurrent writers and swapped in with one
// atomic exchange where the system has one (see Dir). It owns the output
// mark that makes a folder policygen's, the rules that refuse an output
// folder where a site's inputs are, and the removal of what an interrupted
// build left.
package publish
