package check

import "slices"

// rules are every rule, by group: the groups live in their own files.
var rules = slices.Concat(trackerRules, transferRules, retentionRules, versionRules, textRules, consentRules, auditRules, ignoreRules)
