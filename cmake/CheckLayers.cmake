# Fails when a file includes a header its layer may not use (the graph is cmake/KaizenLayers.cmake).
#
#   cmake -DKAIZEN_CHECK_ROOT=<tree> [-DKAIZEN_CHECK_STAMP=<file>] [-DKAIZEN_CHECK_STRICT=ON]
#         -P cmake/CheckLayers.cmake
#
# KAIZEN_CHECK_STRICT ignores KAIZEN_LAYER_EXCEPTIONS (for the test trees in tests/layers/).
#
# Static archives do not fail on undefined symbols, so a wrong-way call would link today and
# break only the first consumer that links one layer alone (the Python module, a server). Reading
# the includes catches it at the source: every file under src/ and include/kaizen/ (tests and
# their fixtures excepted) is checked for
#   - a kaizen header (public "kaizen/x.h" or private "spc/x.h") of a layer its layer does not use;
#   - a private header of another layer from a layer that may use public headers only (the CLI);
#   - a third-party header outside the one layer that owns that library, or in a public header;
#   - in the engine, a system header that means I/O, a clock or threads.
# Each finding prints "file:line: layer-check: ..." and the script exits non-zero; with no
# finding it touches KAIZEN_CHECK_STAMP (the build's record that the check passed).
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/KaizenLayers.cmake)

if(KAIZEN_CHECK_STRICT)
  set(KAIZEN_LAYER_EXCEPTIONS "")
endif()
if(NOT KAIZEN_CHECK_ROOT)
  message(FATAL_ERROR "layer-check: pass -DKAIZEN_CHECK_ROOT=<source tree>")
endif()

# The layers each layer may use: itself and its dependencies, transitively. A dependency listed
# after its user in KAIZEN_LAYERS would make a cycle possible, so it is refused.
foreach(layer IN LISTS KAIZEN_LAYERS)
  list(FIND KAIZEN_LAYERS ${layer} position)
  set(allowed ${layer})
  set(pending ${KAIZEN_LAYER_${layer}_DEPS})
  while(pending)
    list(POP_FRONT pending dep)
    list(FIND KAIZEN_LAYERS ${dep} dep_position)
    if(dep_position EQUAL -1 OR NOT dep_position LESS position)
      message(FATAL_ERROR "layer-check: ${layer} depends on ${dep}, which is not a lower layer "
                          "in KAIZEN_LAYERS (cmake/KaizenLayers.cmake)")
    endif()
    if(NOT dep IN_LIST allowed)
      list(APPEND allowed ${dep})
      list(APPEND pending ${KAIZEN_LAYER_${dep}_DEPS})
    endif()
  endwhile()
  set(KAIZEN_ALLOWED_${layer} ${allowed})
endforeach()

# The layer of a public header "kaizen/<name>", or "" when the map does not list it.
function(kaizen_layer_of_public_header name out)
  set(found "")
  foreach(layer IN LISTS KAIZEN_LAYERS)
    if(name IN_LIST KAIZEN_LAYER_${layer}_HEADERS)
      set(found ${layer})
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The layer owning a third-party header, or "" when it is not a listed library (standard headers).
function(kaizen_layer_of_third_party header out)
  set(found "")
  foreach(layer IN LISTS KAIZEN_LAYERS)
    foreach(prefix IN LISTS KAIZEN_THIRD_PARTY_${layer})
      string(LENGTH "${prefix}" length)
      string(SUBSTRING "${header}" 0 ${length} start)
      if(start STREQUAL prefix)
        set(found ${layer})
      endif()
    endforeach()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

set(findings 0)
set(used_exceptions "")

# Reports one finding (the remaining arguments, concatenated) at the line of `include_line` in
# `file`, unless it is a listed exception.
macro(kaizen_report file header include_line)
  if("${file}|${header}" IN_LIST KAIZEN_LAYER_EXCEPTIONS)
    list(APPEND used_exceptions "${file}|${header}")
  else()
    file(READ "${KAIZEN_CHECK_ROOT}/${file}" content)
    string(FIND "${content}" "${include_line}" offset)
    string(SUBSTRING "${content}" 0 ${offset} before)
    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines line)
    math(EXPR line "${line} + 1")
    string(CONCAT text ${ARGN})
    message("${file}:${line}: layer-check: ${text}")
    math(EXPR findings "${findings} + 1")
  endif()
endmacro()

file(GLOB_RECURSE files RELATIVE "${KAIZEN_CHECK_ROOT}" "${KAIZEN_CHECK_ROOT}/src/*.cc"
     "${KAIZEN_CHECK_ROOT}/src/*.h" "${KAIZEN_CHECK_ROOT}/include/kaizen/*.h")
list(FILTER files EXCLUDE REGEX "(_test\\.cc|_test_util\\.h|/test_data\\.h)$")
list(SORT files)

foreach(file IN LISTS files)
  set(is_public_header FALSE)
  if(file MATCHES "^include/kaizen/(.*)$")
    set(is_public_header TRUE)
    kaizen_layer_of_public_header("${CMAKE_MATCH_1}" layer)
    if(NOT layer)
      message("${file}:1: layer-check: public header in no layer: add it to the KAIZEN_LAYER_"
              "<layer>_HEADERS of the layer that implements it (cmake/KaizenLayers.cmake)")
      math(EXPR findings "${findings} + 1")
      continue()
    endif()
  else()
    kaizen_layer_of_path("${file}" layer)
    if(NOT layer)
      continue()  # src/tools/: programs outside the library
    endif()
  endif()

  file(STRINGS "${KAIZEN_CHECK_ROOT}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(include_line IN LISTS includes)
    if(NOT include_line MATCHES "include[ \t]*([<\"])([^>\"]+)[>\"]")
      continue()
    endif()
    set(kind "${CMAKE_MATCH_1}")
    set(header "${CMAKE_MATCH_2}")

    if(kind STREQUAL "<")
      kaizen_layer_of_third_party("${header}" owner)
      if(owner AND is_public_header)
        kaizen_report("${file}" "${header}" "${include_line}"
                      "public header includes third-party <${header}> (owned by ${owner}): a "
                      "consumer of the library must need only the standard library")
      elseif(owner AND NOT owner STREQUAL layer)
        kaizen_report("${file}" "${header}" "${include_line}"
                      "${layer} file includes <${header}>, a library private to ${owner}")
      elseif(layer STREQUAL "engine" AND NOT is_public_header)
        foreach(forbidden IN LISTS KAIZEN_ENGINE_FORBIDDEN_HEADERS)
          string(LENGTH "${forbidden}" length)
          string(SUBSTRING "${header}" 0 ${length} start)
          if(start STREQUAL forbidden)
            kaizen_report("${file}" "${header}" "${include_line}"
                          "engine file includes <${header}>: the engine does no I/O and reads "
                          "no clock")
          endif()
        endforeach()
      endif()
      continue()
    endif()

    # A quoted include: public "kaizen/x.h" or a private header named from src/.
    set(is_private FALSE)
    if(header MATCHES "^kaizen/(.*)$")
      kaizen_layer_of_public_header("${CMAKE_MATCH_1}" target_layer)
      if(NOT target_layer)
        # Reported once, at the header itself; the generated version.h is core.
        continue()
      endif()
    else()
      set(is_private TRUE)
      kaizen_layer_of_path("src/${header}" target_layer)
      if(NOT target_layer)
        kaizen_report("${file}" "${header}" "${include_line}"
                      "\"${header}\" is in no layer (name private headers from src/, public "
                      "ones as kaizen/...)")
        continue()
      endif()
    endif()

    if(NOT target_layer IN_LIST KAIZEN_ALLOWED_${layer})
      string(REPLACE ";" " " may_use "${KAIZEN_ALLOWED_${layer}}")
      kaizen_report("${file}" "${header}" "${include_line}"
                    "${layer} file includes \"${header}\" of layer ${target_layer}, but ${layer} may "
                    "use only: ${may_use} (cmake/KaizenLayers.cmake)")
    elseif(is_private AND is_public_header)
      kaizen_report("${file}" "${header}" "${include_line}"
                    "public header includes private \"${header}\": an installed header can "
                    "include only kaizen/ headers")
    elseif(is_private AND layer IN_LIST KAIZEN_PUBLIC_ONLY_LAYERS
           AND NOT target_layer STREQUAL layer)
      kaizen_report("${file}" "${header}" "${include_line}"
                    "${layer} file includes \"${header}\", a private header of ${target_layer}: "
                    "${layer} may include only kaizen/ headers and its own")
    endif()
  endforeach()
endforeach()

# An exception that no longer occurs is news, not an error: the lead merging a fix removes it.
foreach(exception IN LISTS KAIZEN_LAYER_EXCEPTIONS)
  if(NOT exception IN_LIST used_exceptions)
    message("layer-check: note: the exception \"${exception}\" no longer occurs: remove it from "
            "KAIZEN_LAYER_EXCEPTIONS (cmake/KaizenLayers.cmake)")
  endif()
endforeach()

if(findings GREATER 0)
  message(FATAL_ERROR "layer-check: ${findings} finding(s): the includes above break the layers")
endif()
if(KAIZEN_CHECK_STAMP)
  file(TOUCH "${KAIZEN_CHECK_STAMP}")
endif()
