# Packaging is declarative: install rules for the desktop entry, metainfo and icon, then CPack.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/curvedoctor.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/io.github.curvedoctor.metainfo.xml
        DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/scalable/apps/curvedoctor.svg
        DESTINATION share/icons/hicolor/scalable/apps)
# Debian looks for a package's licence in share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION share/doc/curvedoctor RENAME copyright)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_NAME curvedoctor)
set(CPACK_PACKAGE_VENDOR "CurveDoctor")
set(CPACK_PACKAGE_CONTACT "CurveDoctor developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
include(CPack)
