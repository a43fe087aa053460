// Fixture: the CLI reaching past include/kaizen/ into ingest.
#include "cli/common.h"
#include "ingest/numbers.h"
