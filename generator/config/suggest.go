package config

// suggestBudget is how many candidates the did-you-mean suggestions of
// references may compare in one load. A site with thousands of unknown
// references among thousands of ids would otherwise take minutes on
// suggestions that nobody reads past the first screen; after the budget
// the errors still come, without a suggestion.
const suggestBudget = 200_000

// suggest is the package's suggest, within the validator's budget.
func (v *validator) suggest(s string, candidates []string) string {
	if v.budget < len(candidates) {
		return ""
	}
	v.budget -= len(candidates)
	return suggest(s, candidates)
}

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", min(len(s)/2+1, 3)
	for _, c := range candidates {
		if abs(len(c)-len(s)) > bestDist {
			continue // the distance is at least the difference in length
		}
		if d := distance(s, c); d < bestDist || d == bestDist && best == "" {
			best, bestDist = c, d
		}
	}
	return best
}

func abs(n int) int { return max(n, -n) }

// distance is the Levenshtein distance between a and b over bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "": for messages outside this package, such as a
// template that names a field the model does not have.
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }
