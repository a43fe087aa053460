# install(EXPORT): the public headers, the layer libraries and a kaizenConfig.cmake, so another
# CMake project can find_package(kaizen) and link kaizen::engine (or any layer, or kaizen::kaizen).
# tests/consumer/ proves it. The libraries and headers are the "development" component, the
# command line "runtime", so the consumer test can install the first without the CLI built.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(KAIZEN_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/kaizen)
set(KAIZEN_INSTALLED_TARGETS kaizen)
foreach(layer IN LISTS KAIZEN_LAYERS)
  if(TARGET kaizen_${layer})
    list(APPEND KAIZEN_INSTALLED_TARGETS kaizen_${layer})
  endif()
endforeach()

install(TARGETS ${KAIZEN_INSTALLED_TARGETS} EXPORT kaizenTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/kaizen DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/kaizen/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kaizen COMPONENT development)
install(EXPORT kaizenTargets NAMESPACE kaizen:: DESTINATION ${KAIZEN_INSTALL_CMAKEDIR}
        COMPONENT development)

configure_package_config_file(cmake/kaizenConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/kaizenConfig.cmake
                              INSTALL_DESTINATION ${KAIZEN_INSTALL_CMAKEDIR})
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kaizenConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kaizenConfig.cmake
              ${PROJECT_BINARY_DIR}/kaizenConfigVersion.cmake
        DESTINATION ${KAIZEN_INSTALL_CMAKEDIR} COMPONENT development)

if(TARGET kaizen-cli)
  install(TARGETS kaizen-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()
