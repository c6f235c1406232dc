package check

// textRules: see the issue; filled by the rules of this group.
var textRules = []*Rule{}
