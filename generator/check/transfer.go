package check

// transferRules: see the issue; filled by the rules of this group.
var transferRules = []*Rule{}
