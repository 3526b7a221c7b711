#ifndef AIMSLINT_FUZZ_DRIVER_H
#define AIMSLINT_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (flags, corpus folders, -runs, -max_total_time, crash files) on
/// `callback`. SwiftPM gives every executable target its own Swift entry point, so the targets
/// start libFuzzer through LLVMFuzzerRunDriver instead of linking libFuzzer's main().
int aimslint_fuzz_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
