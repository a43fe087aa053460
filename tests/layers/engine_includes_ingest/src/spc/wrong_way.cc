// Fixture: the engine using the importer, the wrong way up the layers.
#include <vector>

#include "kaizen/ingest.h"
