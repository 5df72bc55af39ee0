#pragma once

#include <cstdio>
#include <cstdlib>

// A property a harness checks: on failure it aborts, which libFuzzer (and the corpus replay)
// report as a finding with the input that caused it.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
