// ImGui's reader and writer of tables' settings (column widths, order, sort) in its .ini text,
// left out of the page.
//
// The page keeps no settings outside the link (io.IniFilename is null: main_web.cpp, picture.cpp),
// so ImGui never reads or writes an .ini, but ImGui::CreateContext installs the tables' handler
// all the same, and its functions (sscanf'ing and printing each column) were linked: 1 kB of gzip.
// The page's link passes -Wl,--wrap for ImGui::TableSettingsInstallHandler (cmake/web_app.cmake),
// so CreateContext calls this function, which installs nothing. Tables keep their settings in
// memory as before (ImGui's TableLoadSettings and TableSaveSettings do not need the handler).
struct ImGuiContext;

extern "C" void __wrap__ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext(ImGuiContext* context) {
    (void)context;
}
