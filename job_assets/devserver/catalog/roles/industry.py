"""Role archetypes specific to robotics, energy, logistics, fintech and legal technology."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role

ROLES = (
    Role(
        key="perception_engineer",
        title="Perception Engineer",
        department="Engineering",
        team="Perception",
        summary="Our robots need to see pallets, people and forklifts in real time, in dim aisles and bright "
        "loading docks. On the {team} team you will write the software that lets them.",
        detail="You will work on detection, tracking and localisation running on embedded GPUs, using {data} "
        "to find failure cases and prove fixes before they reach customer sites.",
        responsibilities=(
            "Develop real-time detection and tracking for lidar and camera data",
            "Build tools to mine field logs for failure cases and label them",
            "Optimise models and algorithms to run on embedded GPUs",
            "Validate changes in simulation and on robots in our test warehouse",
        ),
        requirements=(
            "{years} years of experience in robotics perception or computer vision",
            "Strong C++ and Python skills",
            "Experience with point clouds, sensor calibration or multi-object tracking",
        ),
        nice_to_have=("ROS 2 experience", "Experience deploying models with TensorRT"),
    ),
    Role(
        key="fleet_software_engineer",
        title="Fleet Software Engineer",
        department="Engineering",
        team="Fleet Management",
        summary="Hundreds of robots share each customer warehouse with people. On the {team} team you will "
        "build the cloud software that assigns their missions, plans traffic and keeps the fleet moving.",
        detail="The fleet manager is a set of services in {stack} on {cloud} that talk to every robot over "
        "unreliable Wi-Fi. Correctness under partial failure is the interesting part of the job.",
        responsibilities=(
            "Build services for mission assignment, traffic control and fleet monitoring",
            "Design protocols between robots and the cloud that tolerate dropped connections",
            "Build dashboards that site operators use to supervise the fleet",
            "Investigate field incidents from logs and fix their causes",
        ),
        requirements=(
            "{years} years of backend or distributed systems experience",
            "Experience with Python, Go or C++ in production",
            "Understanding of concurrency, message queues and failure modes of networks",
        ),
        nice_to_have=("Experience with multi-agent path planning", "Operations research background"),
    ),
    Role(
        key="embedded_engineer",
        title="Embedded Software Engineer",
        department="Engineering",
        team="Embedded Systems",
        summary="Write the firmware and low-level software that runs on our hardware in the field, where a "
        "bug means a truck roll, not a redeploy.",
        detail="You will work on motor control, power management and device communication in C and C++ on "
        "ARM microcontrollers and embedded Linux, with a hardware lab next to your desk.",
        responsibilities=(
            "Develop and test firmware in C and C++ for microcontrollers and embedded Linux",
            "Bring up new boards with the electrical engineering team",
            "Build over-the-air update and diagnostics tooling",
            "Write hardware-in-the-loop tests",
        ),
        requirements=(
            "{years} years of embedded software development",
            "Strong C and C++ skills and experience with an RTOS or embedded Linux",
            "Comfort with oscilloscopes, logic analysers and reading schematics",
            "Experience with CAN, SPI, I2C or Modbus",
        ),
        nice_to_have=("Experience with functional safety standards such as ISO 13849",),
        years="5+",
    ),
    Role(
        key="controls_engineer",
        title="Controls Engineer",
        department="Engineering",
        team="Controls",
        summary="Design the control systems that make our machines move precisely and safely, from motor "
        "current loops to whole-vehicle motion.",
        detail="You will model, simulate and tune controllers, then verify them on hardware in our test "
        "facility before they ship to customer sites.",
        responsibilities=(
            "Model vehicle and actuator dynamics and design controllers",
            "Tune and validate controllers in simulation and on hardware",
            "Write production control code in C++",
            "Support safety analyses and field investigations",
        ),
        requirements=(
            "{years} years of experience in controls engineering",
            "A degree in mechanical, electrical or controls engineering",
            "Experience with MATLAB/Simulink or Python for modelling",
            "Experience implementing controllers in C or C++",
        ),
        nice_to_have=("Experience with mobile robots or autonomous vehicles",),
        years="5+",
    ),
    Role(
        key="field_service_technician",
        title="Field Service Technician",
        department="Field Operations",
        team="Field Service",
        summary="Keep our robots running at customer warehouses in your region: install new fleets, maintain "
        "them and fix them fast when something goes wrong.",
        detail="You will be based at or near a customer site, work with site operations teams, and be backed by "
        "remote support engineers and a regional spare parts depot.",
        responsibilities=(
            "Install, commission and maintain robots and charging stations at customer sites",
            "Diagnose and repair mechanical, electrical and software issues",
            "Perform preventive maintenance and keep service records accurate",
            "Train customer staff on safe operation",
        ),
        requirements=(
            "{years} years of experience as a field technician, electrician or maintenance technician",
            "Ability to read electrical schematics and use a multimeter",
            "A valid driver's license and willingness to travel within the region",
            "Ability to lift 50 lbs and work on your feet for long shifts",
        ),
        nice_to_have=("Experience with industrial automation or material handling equipment",),
        years="2+",
    ),
    Role(
        key="power_systems_engineer",
        title="Power Systems Engineer",
        department="Engineering",
        team="Grid Modeling",
        summary="Make sure {product} keeps the grid stable as utilities dispatch thousands of batteries and "
        "chargers at once.",
        detail="You will model distribution feeders, study how flexible load behaves, and turn engineering "
        "limits into constraints our optimisation engine respects.",
        responsibilities=(
            "Build and validate distribution network models with utility data",
            "Run power flow and hosting capacity studies",
            "Define operating constraints for our dispatch algorithms",
            "Explain results to utility engineers and regulators",
        ),
        requirements=(
            "{years} years of experience in power systems engineering",
            "Experience with OpenDSS, CYME, Synergi or similar tools",
            "Python skills for analysis and automation",
        ),
        nice_to_have=("A PE license", "Experience with DER interconnection studies"),
    ),
    Role(
        key="energy_analyst",
        title="Energy Analyst",
        department="Markets",
        team="Energy Markets",
        summary="Help {company} and our {customers} earn the most from flexible energy by understanding "
        "wholesale markets, tariffs and programs.",
        detail="You will analyse market data, build revenue models for new programs and support the "
        "commercial team with numbers they can defend.",
        responsibilities=(
            "Analyse wholesale market and demand response program data",
            "Build revenue and savings models for customer proposals",
            "Track regulatory proceedings that affect our market",
        ),
        requirements=(
            "{years} years of experience in energy markets, utilities or consulting",
            "Strong spreadsheet and SQL or Python skills",
            "Understanding of ISO/RTO markets",
        ),
        nice_to_have=("Experience with ERCOT, CAISO or PJM data",),
        years="2+",
    ),
    Role(
        key="freight_operations_specialist",
        title="Freight Operations Specialist",
        department="Operations",
        team="Carrier Operations",
        summary="Keep loads moving for the shippers on {product}: track shipments, solve problems before they "
        "become delays and keep carriers and customers informed.",
        detail="You will work in a fast-paced operations team that handles hundreds of loads a day, using our "
        "own software and giving feedback to the people who build it.",
        responsibilities=(
            "Monitor shipments and resolve exceptions such as delays and missed appointments",
            "Communicate with carriers, drivers and customers by phone and email",
            "Keep load records accurate in our system",
            "Suggest improvements to our tools and processes",
        ),
        requirements=(
            "{years} years of experience in logistics, freight brokerage or customer service",
            "Calm under pressure and excellent communication",
            "Comfort with several screens and systems at once",
        ),
        nice_to_have=("Experience with TMS software", "Bilingual English and Spanish"),
        years="1+",
    ),
    Role(
        key="payments_operations_analyst",
        title="Payments Operations Analyst",
        department="Operations",
        team="Payments Operations",
        summary="Make sure every payment that moves through {product} arrives on time and reconciles to the "
        "cent.",
        detail="You will work with our banking partners, finance and engineering on reconciliation, exceptions "
        "and the controls that keep our {customers}' money safe.",
        responsibilities=(
            "Run daily reconciliation of payment flows with banking partners",
            "Investigate and resolve payment exceptions",
            "Document processes and improve controls",
            "Work with engineering on automation",
        ),
        requirements=(
            "{years} years in payments operations, treasury or banking operations",
            "Knowledge of SEPA, SWIFT or Faster Payments",
            "Strong attention to detail and spreadsheet skills",
        ),
        nice_to_have=("SQL", "Experience at a payments or fintech company"),
        years="2+",
    ),
    Role(
        key="compliance_manager",
        title="Compliance Manager",
        department="Legal & Compliance",
        team="Compliance",
        summary="Own the compliance program that lets {company} serve regulated {customers}, and keep it "
        "practical for a fast-moving team.",
        detail="You will report to the Head of Legal and work with product, operations and our regulators on "
        "anti-money-laundering, sanctions and onboarding controls.",
        responsibilities=(
            "Maintain AML and sanctions policies and procedures",
            "Oversee customer due diligence and transaction monitoring",
            "Prepare regulatory reporting and manage regulator relationships",
            "Train staff on compliance obligations",
        ),
        requirements=(
            "{years} years in compliance at a bank, payment institution or fintech",
            "Knowledge of AML regulation in the UK or EU",
            "Experience working with regulators",
        ),
        nice_to_have=("ICA certification",),
        years="5+",
    ),
    Role(
        key="legal_engineer",
        title="Legal Engineer",
        department="Product",
        team="Legal Engineering",
        summary="Bridge law and software: turn how lawyers draft and review contracts into templates, rules "
        "and workflows in {product}.",
        detail="Legal engineers at {company} work with law firm customers and our product team, building "
        "automated templates and testing new drafting features.",
        responsibilities=(
            "Build automated contract templates and clause libraries for customers",
            "Translate legal workflows into product requirements",
            "Test new drafting features with practising lawyers",
            "Run training sessions for customer legal teams",
        ),
        requirements=(
            "A law degree; {years} years in legal practice or legal technology",
            "Comfort with logic, structured data and no-code tools",
            "Excellent drafting skills",
        ),
        nice_to_have=("Experience with document automation tools", "Basic Python or JavaScript"),
        years="2+",
    ),
)
