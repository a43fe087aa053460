# One static library per layer of cmake/KaizenLayers.cmake, linked along the layer graph.

# The non-test .cc files of `layer`: each of its folders globbed (CONFIGURE_DEPENDS, so a file
# another engineer adds lands in its layer's target without touching CMake), less the files
# of a layer with a longer folder (src/render/raster/ is raster, not render).
function(kaizen_layer_sources layer out)
  set(sources "")
  foreach(dir IN LISTS KAIZEN_LAYER_${layer}_DIRS)
    file(GLOB_RECURSE found RELATIVE "${PROJECT_SOURCE_DIR}" CONFIGURE_DEPENDS
         "${PROJECT_SOURCE_DIR}/${dir}/*.cc")
    foreach(file IN LISTS found)
      kaizen_layer_of_path("${file}" owner)
      if(owner STREQUAL layer AND NOT file MATCHES "_test\\.cc$")
        list(APPEND sources "${PROJECT_SOURCE_DIR}/${file}")
      endif()
    endforeach()
  endforeach()
  set(${out} "${sources}" PARENT_SCOPE)
endfunction()

# Adds kaizen_<layer> (alias kaizen::<layer>, exported as kaizen::<layer>) when the layer has
# sources, linking the layers it depends on PUBLIC: their headers are in its public headers.
function(kaizen_add_layer_library layer)
  kaizen_layer_sources(${layer} sources)
  if(NOT sources)
    return()  # src/app/ before its first file
  endif()
  set(target kaizen_${layer})
  add_library(${target} STATIC ${sources})
  add_library(kaizen::${layer} ALIAS ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${layer})
  target_include_directories(
    ${target}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include> $<INSTALL_INTERFACE:include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  kaizen_link_layer_deps(${target} ${layer} PUBLIC)
endfunction()

# Links `target` with the libraries of the layers `layer` uses. A layer without sources (src/app
# before its first file) has no library and is skipped: the CLI, its one user, also lists what
# app uses.
function(kaizen_link_layer_deps target layer scope)
  foreach(dep IN LISTS KAIZEN_LAYER_${layer}_DEPS)
    if(TARGET kaizen_${dep})
      target_link_libraries(${target} ${scope} kaizen_${dep})
    endif()
  endforeach()
endfunction()
