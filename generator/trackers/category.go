package trackers

import "github.com/policygen/policygen/generator/config"

// sourceCategories maps the categories of the Open Cookie Database onto
// policygen's: what keeps the site working or safe is necessary.
var sourceCategories = map[string]config.Category{
	"Functional":      "necessary",
	"Security":        "necessary",
	"Necessary":       "necessary",
	"Personalization": "preferences",
	"Analytics":       "statistics",
	"Marketing":       "marketing",
}

// MapCategory returns policygen's category for a category of the
// database ("Analytics" is statistics); false for one it does not know,
// which the generator refuses rather than guess.
func MapCategory(source string) (config.Category, bool) {
	c, ok := sourceCategories[source]
	return c, ok
}
