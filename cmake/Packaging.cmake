# CPack: a Debian package of what cmake/Install.cmake installs (`cpack -G DEB` in the build
# directory). tests/package/check-deb.sh builds it, unpacks it and checks it as part of ctest.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME agentdesk)
set(CPACK_PACKAGE_VENDOR AgentDesk)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "AgentDesk is a desktop console for the administrators of Checkmk sites who run automatic
agent updates: prerequisites and the master switch, the update status of every host with a
diagnosis, signature keys and signing, host selection, and registering this machine as
cmk-update-agent register does.")
set(CPACK_PACKAGE_CONTACT "AgentDesk developers")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
# Depends: dpkg-shlibdeps finds the libraries the binary links. The SVG plugins (the icons are
# SVG) are loaded at run time, so shlibdeps cannot see them; a secret service for the keychain
# and the Wayland platform are recommended (without a keychain, secrets last one session).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-wayland")
include(CPack)
