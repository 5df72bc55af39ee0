# `cmake --install` and the .deb (cmake/Packaging.cmake): the console, its desktop entry,
# AppStream metadata and icons, in the FHS places a desktop finds them. The translations need no
# files: qt_add_translations embeds them in the binary (resources/). The demo site needs no
# binary either: `agentdesk --demo` embeds it; agentdesk-demo-site is for the tests.
include(GNUInstallDirs)

set(AGENTDESK_APP_ID io.github.agentdesk.AgentDesk)
set(AGENTDESK_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)

install(TARGETS agentdesk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${AGENTDESK_DESKTOP_DIR}/${AGENTDESK_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${AGENTDESK_DESKTOP_DIR}/${AGENTDESK_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Icons: the SVG as the scalable one, and PNGs in the hicolor sizes rendered from it at build
# time, for menus and docks that do not draw SVG.
find_program(AGENTDESK_RSVG_CONVERT rsvg-convert REQUIRED)
set(AGENTDESK_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/agentdesk.svg)
set(AGENTDESK_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(AGENTDESK_ICON_PNGS)
foreach(size IN LISTS AGENTDESK_ICON_SIZES)
    set(dir ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps)
    set(png ${dir}/${AGENTDESK_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
        COMMAND ${AGENTDESK_RSVG_CONVERT} --width ${size} --height ${size}
                --keep-aspect-ratio --output ${png} ${AGENTDESK_ICON_SVG}
        DEPENDS ${AGENTDESK_ICON_SVG}
        COMMENT "Rendering the ${size}x${size} icon"
        VERBATIM)
    list(APPEND AGENTDESK_ICON_PNGS ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(agentdesk_icons ALL DEPENDS ${AGENTDESK_ICON_PNGS})
install(FILES ${AGENTDESK_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${AGENTDESK_APP_ID}.svg)
