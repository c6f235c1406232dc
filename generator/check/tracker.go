package check

// trackerRules: see the issue; filled by the rules of this group.
var trackerRules = []*Rule{}
