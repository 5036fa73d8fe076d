package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's Linux virtualization detection: containers first, then hypervisor signs in DMI, cpuinfo and modules. */
final class VirtualFacts {
    private String type;
    private String role;
    private boolean found;
    private final Set<String> guest = new LinkedHashSet<>();
    private final Set<String> host = new LinkedHashSet<>();

    private VirtualFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        VirtualFacts v = new VirtualFacts();
        v.detect(raw);
        f.put("virtual", "virtualization_role", v.role);
        f.put("virtual", "virtualization_type", v.type);
        f.put("virtual", "virtualization_tech_guest", new ArrayList<Object>(v.guest));
        f.put("virtual", "virtualization_tech_host", new ArrayList<Object>(v.host));
    }

    private void guest(String tech, String asType) {
        guest.add(tech);
        if (!found) {
            type = asType;
            role = "guest";
            found = true;
        }
    }

    private void detect(RawFacts raw) {
        for (String l : raw.all("cgroup1")) {
            if (l.matches(".*/docker(/|-[0-9a-f]+\\.scope).*")) guest("docker", "docker");
            if (l.contains("/lxc/") || l.contains("/machine.slice/machine-lxc")) guest("lxc", "lxc");
            if (l.contains("/system.slice/containerd.service")) guest("containerd", "containerd");
        }
        for (String l : raw.all("environ1")) {
            if (l.contains("container=lxc")) guest("lxc", "lxc");
            if (l.contains("container=podman")) guest("podman", "podman");
            if (l.matches("^container=.+")) guest("container", "container");
        }
        Set<String> exists = new LinkedHashSet<>(raw.all("exists"));
        if (exists.contains("/proc/vz") && !exists.contains("/proc/lve")) {
            type = "openvz";
            if (exists.contains("/proc/bc")) {
                host.add("openvz");
                if (!found) role = "host";
            } else {
                guest.add("openvz");
                if (!found) role = "guest";
            }
            found = true;
        }
        String sc = raw.one("systemd_container");
        if (!sc.isEmpty()) guest(sc, sc);
        if (exists.contains("/.dockerenv") || exists.contains("/.dockerinit")) guest("docker", "docker");
        if (guest.stream().anyMatch(List.of("docker", "lxc", "podman", "openvz", "containerd")::contains) || !sc.isEmpty()) guest.add("container");
        if (exists.contains("/proc/xen")) {
            boolean xenHost = raw.one("xen_caps").contains("control_d");
            if (xenHost) host.add("xen");
            if (!found) {
                type = "xen";
                role = xenHost ? "host" : "guest";
            }
            found = true;
        }
        boolean roleSet = found;
        if (!found) role = "guest";
        hypervisor(raw.pairs("dmi", "="));
        if (!found && !roleSet) role = null;
        String vx = raw.one("vxid");
        if (!vx.isEmpty()) {
            if (!found) type = "linux_vserver";
            if (vx.matches("VxID:\\s+0")) {
                host.add("linux_vserver");
                if (!found) role = "host";
            } else {
                guest.add("linux_vserver");
                if (!found) role = "guest";
            }
            found = true;
        }
        for (String l : raw.all("cpu")) {
            if (l.matches("^model name.*QEMU Virtual CPU.*")) guestCpu("kvm");
            else if (l.matches("^vendor_id.*User Mode Linux.*") || l.matches("^model name.*UML.*")) guestCpu("uml");
        }
        String modules = raw.one("modules");
        if (!modules.isEmpty()) {
            if (modules.contains(" kvm ")) {
                host.add("kvm");
                if (!found) {
                    type = "kvm";
                    role = "host";
                }
                found = true;
            }
            if (modules.contains(" vboxdrv ")) hostTech("virtualbox", "virtualbox");
            if (modules.contains(" virtio ")) {
                host.add("kvm");
                if (!found) {
                    type = "kvm";
                    role = "guest";
                    found = true;
                }
            }
        }
        if (exists.contains("/dev/kvm")) hostTech("kvm", "kvm");
        if (!found) {
            type = "NA";
            role = "NA";
        }
    }

    private void guestCpu(String tech) {
        guest.add(tech);
        if (!found) {
            type = tech;
            role = "guest";
            found = true;
        }
    }

    private void hostTech(String tech, String asType) {
        host.add(tech);
        if (!found) {
            type = asType;
            role = "host";
            found = true;
        }
    }

    /** DMI product, vendor and BIOS names of known hypervisors (the role stays as set before). */
    private void hypervisor(Map<String, String> dmi) {
        String product = dmi.getOrDefault("product_name", "");
        String vendor = dmi.getOrDefault("sys_vendor", "");
        String family = dmi.getOrDefault("product_family", "");
        String bios = dmi.getOrDefault("bios_vendor", "");
        if (List.of("KVM", "KVM Server", "Bochs", "AHV").contains(product)) tech("kvm");
        if (vendor.equals("oVirt")) tech("oVirt");
        if (vendor.equals("Red Hat") && family.equals("RHV")) tech("RHV");
        else if (vendor.equals("Red Hat") && product.equals("RHEV Hypervisor")) tech("RHEV");
        if (List.of("VMware Virtual Platform", "VMware7,1").contains(product)) tech("VMware");
        if (List.of("OpenStack Compute", "OpenStack Nova").contains(product)) tech("openstack");
        if (bios.equals("Xen")) tech("xen");
        if (bios.equals("innotek GmbH")) tech("virtualbox");
        if (List.of("Amazon EC2", "DigitalOcean", "Hetzner").contains(bios)) tech("kvm");
        if (List.of("QEMU", "Amazon EC2", "DigitalOcean", "Google", "Scaleway", "Nutanix").contains(vendor)) tech("kvm");
        if (vendor.equals("KubeVirt")) tech("KubeVirt");
        if (vendor.equals("Microsoft Corporation")) tech("VirtualPC");
        if (vendor.equals("Parallels Software International Inc.")) tech("parallels");
        if (vendor.equals("OpenStack Foundation")) tech("openstack");
    }

    private void tech(String t) {
        guest.add(t);
        if (!found) {
            type = t;
            found = true;
        }
    }
}
