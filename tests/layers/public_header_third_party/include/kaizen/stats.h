// Fixture: a public header of the engine that a consumer could not compile without Boost.
#include <boost/math/distributions/normal.hpp>
