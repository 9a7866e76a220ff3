// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// The BLAS library actually mapped into this process (e.g. "/usr/lib/x86_64-linux-gnu/openblas-openmp/
// libblas.so.3 (OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64)"). Debian's LibTorch links the
// generic libblas.so.3, which is the slow reference BLAS unless an optimised one (libopenblas0-openmp) is
// installed, so this is printed wherever speed is reported. Reads /proc/self/maps; "unknown" elsewhere.
std::string loadedBlasLibrary();

// Sets OpenBLAS's own thread count when OpenBLAS is loaded (its pthreads build ignores OpenMP's setting).
void setBlasThreads(int threads);

}  // namespace nf
