"""Every fact of ../shared/seed/wenqing-luo-cv.md, as the outputs word it.

The CV may be reworded (``February. 2021`` is shown as ``February 2021``,
``VSCode`` as ``VS Code``) but no fact may be lost. Each string must appear in
the text of every output; the tests normalise white space and quotes only.
"""

HEADER = [
    "Wenqing Luo",
    "wenqing4@illinois.edu",
    "Laphets",
    "Blog",
    "WenqingLuo",
]

#: The CV shows its links by label; the printed CV gives each as its address
#: instead (a reader of paper, and a résumé parser, need the address).
PRINTED_AS = {
    "Laphets": "github.com/laphets",
    "Blog": "laphets.com",
    "WenqingLuo": "linkedin.com/in/wenqingluo",
}

EDUCATION = [
    "University of Illinois at Urbana–Champaign",
    "Illinois",
    "2021 – Present",
    "M.S. in Computer Science",
    "Tianyin Xu",
    "June 2023",
    "2017 – 2021",
    "B.S. in Computer Engineering",
    "Zhejiang University",
    "Hangzhou, China",
    "B.E. in Electrical & Computer Engineering",
]

EXPERIENCE = [
    # Bytedance, Infrastructure - Virtualization Team
    "Bytedance Inc.",
    "Shanghai, China",
    "February 2021 – Present",
    "Kernel, DPDK, Service Mesh Intern",
    "Infrastructure - Virtualization Team",
    "Optimize service mesh performance in the cloud network through kernel "
    "bypass strategy and user-level TCP stack.",
    "Implement zerocopy for the TCP offload engine (TOE) to reduce the latency "
    "and also improve CPU utilization rate.",
    "glue socket kernel module",
    "(but under a different protocol family)",
    "without modifying their current code",
    # Alibaba
    "Alibaba Group",
    "June 2020 – December 2020",
    "C++, LLVM, Tensorflow, Machine Learning System Intern",
    "Search and Recommendation Business Unit",
    "large-scale distributed machine learning system",
    "Taobao (more than 300 million DAU), TMall, AliExpress",
    "over 100K QPS",
    "automated JIT compilation system for the online rank service",
    "Clang/LLVM based toolchain",
    "equivalent high performance static representation",
    "more than 10% performance of entire real-time ML inference engine",
    # Bytedance, Lark
    "Beijing, China",
    "April 2020 – June 2020",
    "Golang, Thrift, Protobuf Intern",
    "Lark Core Services Team",
    "Building the core backend service for a collaboration suite.",
    "Refactor the user profile model and device control module.",
    "Improve overall performance by resolving SQL slow queries case by case.",
    # Tencent
    "Tencent Inc.",
    "Shenzhen, China",
    "June 2019 – August 2019",
    "Golang, Kubernetes, Python, Protobuf Intern",
    "Cloud & Smart Industries Business Group (CSIG)",
    "distributed performance testing tool for an inner RPC framework",
    "JavaScript Runtime (ES6+) and realtime serialization",
    "internal open-source project in Tencent",
    "medical diagnosis services with Golang",
    "WeChat covering more than 30 million target users",
    "machine learning engines by message queue",
    "unified log collecting platform by logstash, Elasticsearch and Kibana",
    "Golang SDK",
    "Adapt Protobuf+RPC pattern into message queue",
    "auto-scalable ML engines on Kubernetes",
]

PROJECTS = [
    # WeirdOS
    "WeirdOS",
    "October 2019 – December 2019",
    "Pure C",
    "x86",
    "Qemu",
    "Course project",
    "https://github.com/laphets/WeirdOS",
    "Linux-like operating system",
    "x86-32 instruction set",
    "ECE391@UIUC",
    "2nd place in the ECE391 final competition sponsored by Microsoft",
    "memory paging, read-only filesystem, context switch, Round-robin "
    "scheduler, interrupt handlers, system calls",
    "dynamic memory allocator, GUI",
    "layer 1–5 network stack",
    "from NIC driver to HTTP",
    "Internet browser by combining GUI and network stack",
    # VS Code and Firefox
    "August 2018 – June 2019",
    "TypeScript, Electron.js, React.js",
    "Fixed several bugs as well as adding features",
    "VS Code",
    "git module",
    "search widget",
    "strong interest in contributing to open-source projects",
    "Mozilla Developer community",
    "Firefox DevTools",
    "challenging and also interesting",
    # Recruit Open Platform
    "Recruit Open Platform",
    "May 2018 – September 2019",
    "Golang, Vue, NodeJS, Docker Swarm, gRPC, Prometheus",
    "Major Developer",
    "student associations to manage their recruitment",
    "form edit, interview and association management",
    "micro-services by using gRPC and Traefik",
    "service discovery + load balancing",
    "server side rendering for the form submit page",
    "running Vue.js on server side",
    "Docker Swarm, supporting realtime monitor and alert with Prometheus, Grafana",
]

TEACHING = [
    "Teaching Assistant",
    "ECE220 - Computer Systems Programming",
    "August 2020 – December 2020",
    "C, LC3, Golang, WebAssembly",
    "Prof. Steve Lumetta",
    "Hold regular discussion sessions and office hour.",
    "autograder which supports symbolic execution",
    "real-time feedback",
    "Compile C version of LC3 simulation tool into JavaScript through WebAssembly",
    "LC3 simulator",
    "can be run in browser",
]

HONORS = [
    # Each award's years stand apart from its name, flush right.
    "Zhejiang University, 3rd Prize Scholarship",
    "ZJU-UIUC Institute, 3rd Prize Scholarship",
    "ZJU-UIUC Institute, Dean's List",
    "2019-20",
    "2018-19, 2019-20",
    "Interdisciplinary Contest in Modeling 2020, Finalist Award "
    "(Top 1% among 13,749 teams)",
]

SKILLS = [
    "Programming Languages: Golang = C/C++ > TypeScript = JavaScript = Python",
    "Platform: MacOS, *nix",
    "Web Application(Full Stack) (React, Vue, Electron.js, Node.js, Golang)",
    "Cloud & Micro Service(RPC, Docker Swarm, Kubernetes)",
    "Database(MySQL, MongoDB, ElasticSearch)",
    "Middleware(Redis, Nats)",
    "Unix Network Programming",
    "Relative Courses: Algorithm and Data Structure, Operating System, Computer "
    "Security, Computer Network, Computer Organization and Design",
]

#: The CV's sections in order, as every output titles them.
SECTIONS = [
    "Education",
    "Experience",
    "Projects",
    "Teaching experience",
    "Honors and awards",
    "Skills",
    "Skills index",
    "References",
]

ALL = HEADER + EDUCATION + EXPERIENCE + PROJECTS + TEACHING + HONORS + SKILLS

#: The first line of each entry in the printed CV, in order: where a résumé
#: parser must see an entry begin.
ENTRY_HEADS = [
    "University of Illinois at Urbana–Champaign",
    "University of Illinois at Urbana–Champaign",
    "Zhejiang University",
    "Bytedance Inc.",
    "Alibaba Group",
    "Bytedance Inc.",
    "Tencent Inc.",
    "WeirdOS",
    "Open-Source Contribution for VS Code and Firefox",
    "Recruit Open Platform",
    "ECE220 - Computer Systems Programming",
    "Zhejiang University, 3rd Prize Scholarship",
    "ZJU-UIUC Institute, 3rd Prize Scholarship",
    "ZJU-UIUC Institute, Dean's List",
    "Interdisciplinary Contest in Modeling 2020, Finalist Award",
]

#: The facts of the Chinese edition: every number, date, address and
#: technology name as the source writes it, every organisation under its
#: Chinese name, and the names of people as the source gives them (no
#: Chinese name is made up for anyone). Compared with white space removed:
#: Chinese text has none between words, and the PDF sets some between
#: Chinese and Latin letters.
ZH = [
    # People and contacts
    "Wenqing Luo", "Tianyin Xu", "Steve Lumetta", "wenqing4@illinois.edu",
    "https://github.com/laphets/WeirdOS", "https://github.com/laphets/ROP-go",
    "https://github.com/laphets/lc3webtool",
    # Organisations
    "伊利诺伊大学厄巴纳-香槟分校", "浙江大学",
    "浙江大学伊利诺伊大学厄巴纳香槟校区联合学院",
    "字节跳动", "阿里巴巴集团", "腾讯", "美国大学生交叉学科建模竞赛", "COMAP",
    "美国数学及其应用联合会", "Microsoft", "微软", "Mozilla", "微信", "淘宝", "天猫",
    "速卖通",
    # Projects, under their own names
    "WeirdOS", "Recruit Open Platform",
    # Places
    "中国上海", "中国杭州", "中国北京", "中国深圳", "伊利诺伊州",
    # Dates, in Chinese style
    "2021年2月–至今", "2020年6月–2020年12月", "2020年4月–2020年6月",
    "2019年6月–2019年8月", "2019年10月–2019年12月", "2018年8月–2019年6月",
    "2018年5月–2019年9月", "2020年8月–2020年12月", "2021–至今", "2017–2021",
    "2023年6月", "2019-20", "2018-19", "2020",
    # Numbers
    "300million", "3亿", "100K", "10%", "30million", "3000万", "13,749", "1%",
    "第2名", "1–5", "ES6+", "x86-32",
    # Technology, products, courses
    "Golang", "DPDK", "TOE", "TCP", "CPU", "socketAPI", "ECE220", "ECE391",
    "Kubernetes", "Thrift", "Protobuf", "C++", "LLVM", "Clang/LLVM",
    "Tensorflow", "JIT", "RPC", "JavaScript", "logstash", "Elasticsearch",
    "Kibana", "GolangSDK", "gRPC", "Traefik", "Vue.js", "DockerSwarm",
    "Prometheus", "Grafana", "Linux", "QEMU", "NIC", "HTTP", "GUI", "LC3",
    "WebAssembly", "TypeScript", "Electron.js", "React", "Node.js", "MySQL",
    "MongoDB", "Redis", "Nats", "VSCode", "FirefoxDevTools", "git", "SQL",
    "DAU", "QPS", "Lark", "WeChat", "Taobao", "TMall", "AliExpress", "MacOS",
    "\\*nix".replace("\\", ""), "C/C++", "Python", "UIUC", "ICM",
]  # fmt: skip
