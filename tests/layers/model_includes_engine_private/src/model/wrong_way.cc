// Fixture: model naming a private engine header.
#include "spc/chart.h"
