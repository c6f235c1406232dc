package config

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", len(s)/2+1
	if bestDist > 3 {
		bestDist = 3
	}
	for _, c := range candidates {
		if d := distance(s, c); d <= bestDist && (best == "" || d < distance(s, best)) {
			best = c
		}
	}
	return best
}

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
