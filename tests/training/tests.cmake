# SPDX-License-Identifier: GPL-3.0-or-later
# test_training also checks the private LibTorch layer (fused LSTM gradients, Keras initialisation, tensor I/O),
# so it sees LibTorch's headers (the imported target is global, see core/training/CMakeLists.txt); the rest of it
# uses the plain C++ engine API.
if(TARGET test_training)
  target_link_libraries(test_training PRIVATE torch)
  if(TARGET noteforge-cli)
    add_dependencies(test_training noteforge-cli)
  endif()
endif()
