# Fails when a site endpoint path appears outside the site API layer (netclient/site/): every
# path of the site's API lives in exactly one typed client, so that the protocol can be tested
# and replaced in one place (issue 9). Run as: cmake -DSOURCE_DIR=<repo> -P endpoint_literals.cmake
#
# Exempt: netclient/site itself; netclient/RegistrationClient.cpp, the agent updater's own
# protocol (register_agent.py, login.py), which has its own client; the demo site, which serves
# these paths; the tests, which talk to the demo site as another client would.
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "SOURCE_DIR not set")
endif()
set(patterns
    "\"/domain-types/"
    "\"/objects/"
    "/actions/[a-z_-]+/invoke"
    "/collections/all"
    "global_setting"
    "register_agent\\.py"
    "u\"/version\"")
file(GLOB_RECURSE sources
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/views/*.cpp ${SOURCE_DIR}/views/*.h
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/netclient/*.cpp ${SOURCE_DIR}/netclient/*.h)
set(found "")
foreach(source IN LISTS sources)
    file(RELATIVE_PATH rel ${SOURCE_DIR} ${source})
    if(rel MATCHES "^netclient/site/" OR rel STREQUAL "netclient/RegistrationClient.cpp")
        continue()
    endif()
    file(STRINGS ${source} lines)
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        # Comments may name endpoints (they say why); string literals may not.
        string(REGEX REPLACE "^[ \t]*//.*" "" code "${line}")
        string(REGEX REPLACE "[ \t]//.*" "" code "${code}")
        foreach(pattern IN LISTS patterns)
            if(code MATCHES "${pattern}")
                string(APPEND found "${rel}:${number}: ${line}\n")
                break()
            endif()
        endforeach()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "Endpoint paths outside netclient/site/ (move them into the site API "
        "layer):\n${found}")
endif()
message(STATUS "No endpoint path outside netclient/site/.")
