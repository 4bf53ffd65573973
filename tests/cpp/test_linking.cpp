// Text and connector links (core/src/linking.cpp, docs/linking.md).
#include <gtest/gtest.h>
