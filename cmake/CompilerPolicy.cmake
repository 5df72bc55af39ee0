# One place for the compiler policy: every target links agentdesk_policy.
add_library(agentdesk_policy INTERFACE)
target_compile_features(agentdesk_policy INTERFACE cxx_std_20)
target_compile_options(agentdesk_policy INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
target_compile_definitions(agentdesk_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER)

option(AGENTDESK_WERROR "Treat warnings as errors (CI)" OFF)
if(AGENTDESK_WERROR)
    target_compile_options(agentdesk_policy INTERFACE -Werror)
    target_compile_definitions(agentdesk_policy INTERFACE QT_FORCE_ASSERTS)
endif()

option(AGENTDESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(AGENTDESK_SANITIZE)
    target_compile_options(agentdesk_policy INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(agentdesk_policy INTERFACE -fsanitize=address,undefined)
endif()

# The `fuzz` preset (clang): every library gets libFuzzer's coverage instrumentation plus
# ASan/UBSan, so a harness finds memory errors and undefined behaviour in our code, not only
# crashes. Only the tests/fuzz targets are meant to be built this way.
option(AGENTDESK_FUZZ "Instrument for libFuzzer (clang only)" OFF)
if(AGENTDESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "AGENTDESK_FUZZ needs clang (use the fuzz preset)")
    endif()
    target_compile_options(agentdesk_policy INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(agentdesk_policy INTERFACE -fsanitize=address,undefined)
endif()
