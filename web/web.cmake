# The web dashboard (docs/dashboard.md): `cmake --build build --target web`
# copies it to build/web, the folder `griot serve --web` serves by default.
add_custom_target(web ALL
  COMMAND ${CMAKE_COMMAND} -DWEB_SOURCE=${CMAKE_CURRENT_SOURCE_DIR}/web
          -DKB_GEO=${CMAKE_CURRENT_SOURCE_DIR}/kb/geo
          -DWEB_DEST=${CMAKE_BINARY_DIR}/web
          -P ${CMAKE_CURRENT_SOURCE_DIR}/web/copy-web.cmake
  COMMENT "Copying the web dashboard to ${CMAKE_BINARY_DIR}/web"
  VERBATIM)

# Browser test: the real griot code + griot serve, driven by playwright-core
# in Debian's headless Chromium; and the sentence highlighting alone. They
# skip (77) when node, the npm packages or Chromium are missing, unless CI is
# set.
set(GRIOT_WEB_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/web)
add_test(NAME web_dashboard
  COMMAND bash ${GRIOT_WEB_TESTS}/node_test.sh ${GRIOT_WEB_TESTS}/dashboard_test.mjs
          $<TARGET_FILE:griot> ${CMAKE_BINARY_DIR})
set_tests_properties(web_dashboard PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
add_test(NAME web_highlight
  COMMAND bash ${GRIOT_WEB_TESTS}/node_test.sh ${GRIOT_WEB_TESTS}/highlight_test.mjs)
set_tests_properties(web_highlight PROPERTIES SKIP_RETURN_CODE 77)
