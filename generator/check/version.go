package check

// versionRules: see the issue; filled by the rules of this group.
var versionRules = []*Rule{}
