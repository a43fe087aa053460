// Fixture: a public header that no layer claims.
#include <string>
