package check

// retentionRules: see the issue; filled by the rules of this group.
var retentionRules = []*Rule{}
