// Fixture: the engine reading a file.
#include <cmath>
#include <fstream>
